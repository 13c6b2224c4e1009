/**
 * The session API over HTTP, same origin: create a session, look one up by its join code, download its
 * record. Every failure becomes an Error whose message can be shown to a person as it is.
 */
import type { Phase } from "../sim/state.ts";
import type { CreateSessionRequest, SeatStatus } from "./protocol.ts";

export interface CreatedSession {
  code: string;
  facilitatorToken: string;
  scenario: string;
  seed: number;
}

export interface SessionInfo {
  code: string;
  scenario: string;
  phase: Phase;
  hour: number;
  seats: SeatStatus[];
  events: number;
}

async function call<T>(path: string, init: RequestInit = {}): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, init);
  } catch {
    throw new Error("The game server could not be reached. Check the network and try again.");
  }
  const body = (await res.json().catch(() => null)) as { error?: unknown } | null;
  if (!res.ok) {
    const reason = typeof body?.error === "string" ? body.error : `HTTP ${res.status}`;
    throw new Error(res.status === 404 && path.startsWith("/api/sessions/") ? "No session with that code." : reason);
  }
  return body as T;
}

/** `POST /api/sessions`: a new session; its facilitator token is returned once, here. */
export function createRemoteSession(request: CreateSessionRequest): Promise<CreatedSession> {
  return call("/api/sessions", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(request),
  });
}

/** `GET /api/sessions/:code`: the public status (phase, seats) of a running session. */
export function lookupSession(code: string): Promise<SessionInfo> {
  return call(`/api/sessions/${encodeURIComponent(code)}`);
}

/** `GET /api/sessions/:code/roster`: the names on the class list nobody has joined as yet. */
export async function rosterNames(code: string): Promise<string[]> {
  const body = await call<{ names?: unknown }>(`/api/sessions/${encodeURIComponent(code)}/roster`);
  return Array.isArray(body.names) ? body.names.filter((n): n is string => typeof n === "string") : [];
}

/**
 * `GET /api/sessions/:code/record` with the facilitator token in a header (never in a URL): with the people
 * (names, teams, times), or without them (`names` false: the record to share).
 */
export async function downloadRecord(code: string, token: string, names = true): Promise<Blob> {
  let res: Response;
  try {
    res = await fetch(`/api/sessions/${encodeURIComponent(code)}/record${names ? "" : "?names=0"}`, {
      headers: { authorization: `Bearer ${token}` },
    });
  } catch {
    throw new Error("The game server could not be reached. Check the network and try again.");
  }
  if (!res.ok) throw new Error("The record could not be downloaded (wrong facilitator key?).");
  return res.blob();
}
