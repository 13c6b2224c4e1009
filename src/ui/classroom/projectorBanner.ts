/**
 * The projector's big moments: a banner across the room when an ally breaks silence or the Council adopts a
 * decision, read out by screen readers (a live region) and gone after a few seconds. Names and reasons are text.
 */
import { measureById } from "../../sim/measures.ts";
import type { Session } from "../../sim/session.ts";
import { stateOf } from "../../sim/session.ts";
import type { LogEntry } from "../../sim/state.ts";
import { h } from "../dom.ts";
import { allyName } from "../viewModel.ts";

const SHOW_MS = 9000; // long enough to read from the back of a classroom

export interface Moment {
  kind: "break" | "adopted";
  title: string;
  detail: string;
}

/** The moment a log entry is worth a banner for, or null. Pure. */
export function momentOf(session: Session, e: LogEntry): Moment | null {
  if (e.k === "break") {
    const what = e.measures.length ? `on ${e.measures.map((m) => measureById(m).name.toLowerCase()).join(", ")}` : "";
    const reason = e.reason.trim() ? `“${e.reason.trim()}”` : "";
    return {
      kind: "break",
      title: `${allyName(session, e.by)} breaks silence`,
      detail: [what, reason].filter(Boolean).join(" — "),
    };
  }
  if (e.k === "silence" && e.adopted) {
    return {
      kind: "adopted",
      title: "Silence holds: the Council adopts its decision",
      detail: e.measures.map((m) => measureById(m).name).join(" · "),
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
      let latest: Moment | null = null;
      for (let i = from; i < log.length; i++) {
        const e = log[i];
        const m = e ? momentOf(session, e) : null;
        if (m) latest = m;
      }
      if (latest) show(latest);
    },
    destroy() {
      if (timer) clearTimeout(timer);
    },
  };
}
