/** Who speaks in a delegation's voice (src/sim/voice.ts): its name and the public profile that colours its words. Pure. */
import { victims } from "./council.ts";
import { adversaryLabel } from "./profiles.ts";
import type { Env, SessionState } from "./state.ts";
import type { Speaker } from "./voice.ts";

/** A seated ally as a speaker, from the public roster at the scenario's date and what has happened so far. */
export function speakerFor(env: Env, s: SessionState, code: string): Speaker {
  const i = env.index.get(code);
  const profile = i === undefined ? undefined : env.profiles[i];
  const state = env.scenario.adversary.state;
  const note = state ? profile?.adversaries?.[state]?.note : undefined;
  return {
    code,
    name: profile?.name ?? code,
    ...(i !== undefined && env.means[i] ? { params: env.means[i] } : {}),
    victim: victims(env, s).has(code),
    // A tie note is shown only when it names no year (notes may mention later events).
    ...(note && !/\d{4}/.test(note) ? { tie: note } : {}),
    adversary: adversaryLabel(env.scenario),
  };
}
