/**
 * The projector's big moments: a banner across the room when allies break silence (all of them named) or the
 * Council adopts a decision, read out by screen readers (a live region) and gone after a few seconds. Names and reasons are text.
 */
import { measureById } from "../../sim/measures.ts";
import type { Session } from "../../sim/session.ts";
import { stateOf } from "../../sim/session.ts";
import type { LogEntry } from "../../sim/state.ts";
import { spokenName, type Voiced } from "../../sim/voice.ts";
import { h } from "../dom.ts";
import { breakVoices } from "../tableVoices.ts";
import { allyName } from "../viewModel.ts";
import { namesSummary } from "../words.ts";

const SHOW_MS = 9000; // long enough to read from the back of a classroom

export interface Moment {
  kind: "break" | "adopted";
  title: string;
  detail: string;
}

/** A break's words for the room: the ally's voiced reason, or a person's own words in quotes. */
function breakSaid(session: Session, index: number, voices: Map<number, Voiced>): string {
  const e = stateOf(session).log[index];
  if (e?.k !== "break") return "";
  const voiced = voices.get(index);
  if (voiced) return voiced.lead;
  return e.reason.trim() ? `“${e.reason.trim()}”` : "";
}

/**
 * The moment the log entries from index `from` on are worth a banner for, or null. Breaks of silence come
 * first and are named together ("Hungary, Türkiye and 3 others break silence"); one break also gives its
 * reason in words. Otherwise the latest adoption. Pure.
 */
export function momentOf(session: Session, from: number): Moment | null {
  const log = stateOf(session).log;
  const breaks: number[] = [];
  let adopted: Extract<LogEntry, { k: "silence" }> | null = null;
  for (let i = Math.max(0, from); i < log.length; i++) {
    const e = log[i];
    if (e?.k === "break") breaks.push(i);
    if (e?.k === "silence" && e.adopted) adopted = e;
  }
  if (breaks.length) {
    const entries = breaks.map((i) => log[i]).filter((e) => e?.k === "break");
    const who = [...new Set(entries.map((e) => allyName(session, e.by)))];
    const measures = [...new Set(entries.flatMap((e) => e.measures))];
    const what = measures.length ? `On ${measures.map((m) => spokenName(m)).join(", ")}.` : "";
    const first = breaks[0];
    const reason = breaks.length === 1 && first !== undefined ? breakSaid(session, first, breakVoices(session)) : "";
    return {
      kind: "break",
      title: `${namesSummary(who)} ${who.length === 1 ? "breaks" : "break"} silence`,
      detail: [what, reason].filter(Boolean).join(" "),
    };
  }
  if (adopted) {
    return {
      kind: "adopted",
      title: "Silence holds: the Council adopts its decision",
      detail: adopted.measures.map((m) => measureById(m).name).join(" · "),
    };
  }
  return null;
}

export interface ProjectorBanner {
  el: HTMLElement; // the live region; the banner shows inside it
  /** Shows a banner for the newest moment in the log since the last call (the first call only takes note). */
  update(session: Session): void;
  destroy(): void;
}

export function projectorBanner(): ProjectorBanner {
  const el = h("div", {
    class: "projector-banner-region",
    role: "status",
    "aria-live": "assertive",
    "aria-atomic": "true",
  });
  let seen = -1;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const hide = () => {
    el.replaceChildren();
    timer = null;
  };
  const show = (m: Moment) => {
    if (timer) clearTimeout(timer);
    el.replaceChildren(
      h(
        "div",
        { class: `projector-banner ${m.kind}`, "data-moment": m.kind },
        h("p", { class: "banner-title" }, m.title),
        m.detail ? h("p", { class: "banner-detail" }, m.detail) : null,
      ),
    );
    timer = setTimeout(hide, SHOW_MS);
  };
  return {
    el,
    update(session) {
      const log = stateOf(session).log;
      const from = seen;
      seen = log.length;
      if (from < 0) return; // what happened before the projector opened is in the log already
      const moment = from < log.length ? momentOf(session, from) : null;
      if (moment) show(moment);
    },
    destroy() {
      if (timer) clearTimeout(timer);
    },
  };
}
