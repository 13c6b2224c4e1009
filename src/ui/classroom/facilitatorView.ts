/**
 * The facilitator's console: the join code and QR code, the session's clock and controls, the seats, live
 * injects and notes, the reveal, the end, and the record to download. It joins with the facilitator token,
 * which this browser keeps (never in the address bar), so the server sends it everything, private readings
 * included. At the end it shows the full debrief and offers a rerun with the same or a new seed.
 */
import { storedFacilitatorToken, storeFacilitatorToken } from "../../net/credentials.ts";
import type { FacilitatorOp } from "../../net/protocol.ts";
import { RemoteGame } from "../../net/remoteGame.ts";
import { createRemoteSession, downloadRecord } from "../../net/sessionApi.ts";
import { phaseOf, stateOf } from "../../sim/session.ts";
import { incidentPanel, logPanel } from "../council/info.ts";
import { button, h } from "../dom.ts";
import { materialsButton } from "../materialsLink.ts";
import { debriefScreen } from "../screens/debrief.ts";
import { clockLabel, councilView } from "../viewModel.ts";
import { classDebrief } from "./classDebrief.ts";
import { remoteOptions } from "./endpoint.ts";
import { controlsPanel, editingIn, type Run, seatsPanel } from "./facilitatorPanels.ts";
import { rosterPanel } from "./facilitatorRoster.ts";
import { lessonPanel } from "./lessonPlan.ts";
import { joinBox } from "./projectorView.ts";
import { type Shell, setAddress } from "./shell.ts";
import { connectionBanner, connectionPill, every } from "./status.ts";
import { threadsKey, threadsPanel } from "./talkThread.ts";
import "./classroom.css";
import "./facilitator.css";

/** Downloads the session's record (the token goes in a header, not a URL). */
async function saveRecord(code: string, token: string, report: (text: string) => void, names = true): Promise<void> {
  try {
    const blob = await downloadRecord(code, token, names);
    const file = `case-by-case-${code}${names ? "" : "-no-names"}.json`;
    const a = h("a", { href: URL.createObjectURL(blob), download: file });
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
    report("Record downloaded.");
  } catch (err) {
    report((err as Error).message);
  }
}

/** Stances at the table, counted. */
function tally(game: RemoteGame): HTMLElement {
  const counts = { support: 0, undecided: 0, oppose: 0, silent: 0 };
  for (const a of stateOf(game.session).allies) counts[a.position?.stance ?? "silent"]++;
  return h(
    "p",
    { class: "tally" },
    h("span", { class: "support" }, `${counts.support} support`),
    " · ",
    h("span", { class: "undecided" }, `${counts.undecided} undecided`),
    " · ",
    h("span", { class: "oppose" }, `${counts.oppose} oppose`),
    ` · ${counts.silent} not yet spoken`,
  );
}

function console_(shell: Shell, game: RemoteGame, token: string): void {
  const host = h("div", { class: "net-host", "data-view": "facilitator" });
  const banner = connectionBanner(game);
  const notice = h("p", { class: "rejection", role: "alert" });
  const status = h("p", { class: "meta", role: "status" });
  const clock = h("p", { class: "clock" });
  const pill = h("span", {});
  const report = (text: string) => {
    status.textContent = text;
  };
  const run: Run = (op: FacilitatorOp, done) => {
    notice.textContent = "";
    void game.facilitate(op).then((reason) => {
      if (reason) notice.textContent = `Not possible: ${reason}`;
      else done?.();
    });
  };
  const controls = controlsPanel(game, run);
  const lesson = lessonPanel(game, run, shell.storage);
  const seats = h("div", { class: "fac-seats-slot" });
  const roster = h("div", { class: "fac-roster-slot" });
  const council = h("div", { class: "fac-council" });
  const talks = h("div", { class: "fac-talks-slot" });
  let talksKey = "";
  const rerun = (seed: number) => {
    const s = stateOf(game.session);
    createRemoteSession({ scenario: s.scenarioId, seed, chair: s.chair, timers: game.view.clock.timers }).then(
      (created) => openFacilitator(shell, created.code, created.facilitatorToken),
      (err: unknown) => report(`Could not create the session: ${(err as Error).message}`),
    );
  };
  const header = h(
    "header",
    { class: "council-header" },
    h(
      "h1",
      { tabindex: -1 },
      h("span", { class: "visually-hidden" }, "Facilitator: "),
      game.session.env.scenario.title,
    ),
    clock,
    h("p", { class: "code-label" }, "Code ", h("strong", { class: "code-inline" }, game.code)),
    pill,
    h(
      "div",
      { class: "controls" },
      h(
        "a",
        { class: "button-like", href: `?projector=${game.code}`, target: "_blank", rel: "noopener" },
        "Projector view",
      ),
      button("Download record", "download-record", () => void saveRecord(game.code, token, report)),
      button("Record without names", "download-public-record", () => void saveRecord(game.code, token, report, false)),
      materialsButton(stateOf(game.session).scenarioId),
      button("Menu", "menu", () => shell.menu()),
    ),
  );
  const el = h(
    "section",
    { class: "screen council net-facilitator", "aria-label": "Facilitator console" },
    banner.el,
    header,
    h(
      "div",
      { class: "fac-body" },
      h("div", { class: "fac-col" }, notice, status, lesson.el, controls.el, talks),
      h("div", { class: "fac-col" }, roster, seats),
      h("div", { class: "fac-col" }, council),
    ),
  );
  let seatsKey = "";
  let rosterKey = "";
  let councilKey = "";
  let debrief = false;
  const renderSeats = () => {
    const s = stateOf(game.session);
    const key = JSON.stringify([game.view.seats, game.view.waiting, s.allies.map((a) => a.position?.stance)]);
    if (key !== seatsKey && !editingIn(seats)) {
      seatsKey = key;
      seats.replaceChildren(seatsPanel(game, run));
    }
    const rk = JSON.stringify([game.view.people, game.view.seats.map((x) => x.ally)]);
    if (rk !== rosterKey && !editingIn(roster)) {
      rosterKey = rk;
      // A list being pasted stays open; once the class is seated, the people take its place.
      const had = roster.querySelector(".roster-table") !== null;
      const open = roster.querySelector("details")?.open;
      roster.replaceChildren(rosterPanel(game, run));
      const details = roster.querySelector("details");
      if (details && had && open !== undefined) details.open = open;
    }
  };
  const render = () => {
    const phase = phaseOf(game.session);
    shell.setPhase(phase);
    if (game.finished && !debrief) {
      debrief = true;
      host.replaceChildren(
        h("div", { class: "fac-debrief-bar" }, banner.el, status),
        debriefScreen(game.session, {
          sameSeed: () => rerun(stateOf(game.session).seed),
          newSeed: () => rerun(shell.randomSeed()),
          exportRecord: () => void saveRecord(game.code, token, report),
          menu: () => shell.menu(),
          roleLabel: "The chair's objectives", // the server scores the record's role, the chair
          // The after-action report reads the facilitator's export, so the students' names reach it.
          report: {
            load: async () => JSON.parse(await (await downloadRecord(game.code, token)).text()),
            fileStem: `case-by-case-${game.code}`,
          },
        }),
      );
      // Every student's stances, arguments and reasons, with their names (the facilitator's debrief only).
      host.querySelector(".debrief .stance-grid")?.closest(".grid-wrap")?.after(classDebrief(game, true));
      return;
    }
    banner.update();
    pill.replaceChildren(connectionPill(game));
    const view = councilView(game.session, "", null);
    const s = stateOf(game.session);
    clock.textContent = `${clockLabel(s.hour)} · ${phase}${view.roundLabel ? ` · ${view.roundLabel}` : ""}`;
    controls.update();
    controls.tick();
    lesson.update();
    // Rebuild the seats only when they change, and not under the facilitator's hand (an open select).
    renderSeats();
    const tk = `${threadsKey(game.session)}|${JSON.stringify(game.view.seats.map((x) => x.name))}`;
    if (tk !== talksKey) {
      talksKey = tk;
      talks.replaceChildren(threadsPanel(game));
    }
    const ck = `${s.log.length}|${phase}`;
    if (ck !== councilKey) {
      councilKey = ck;
      council.replaceChildren(joinBox(game.code), tally(game), incidentPanel(game.session), logPanel(game.session));
      const log = council.querySelector(".log-lines");
      if (log) log.scrollTop = log.scrollHeight;
    }
  };
  host.append(el);
  const unsubscribe = game.subscribe(render);
  const stop = every(500, () => {
    if (debrief) return;
    controls.tick();
    lesson.tick();
    renderSeats(); // a change held back while the facilitator's hand was on a seat control
  });
  shell.show(phaseOf(game.session), host, () => {
    unsubscribe();
    stop();
    void game.leave();
  });
  render();
}

/** A form for the facilitator key, when this browser does not have it (another device, or cleared storage). */
function keyScreen(shell: Shell, code: string, message: string | null): void {
  const key = h("input", { id: "facilitator-key", autocomplete: "off", spellcheck: "false", required: true });
  const form = h(
    "form",
    { class: "join-form" },
    h("label", { for: "facilitator-key" }, "Facilitator key"),
    key,
    h("p", { class: "meta" }, "The key was kept by the browser that created the session."),
    message ? h("p", { class: "rejection", role: "alert" }, message) : null,
    button("Open the console", "open-console", () => form.requestSubmit(), { class: "primary", type: "submit" }),
  );
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    openFacilitator(shell, code, key.value.trim());
  });
  shell.show(
    "facilitator-key",
    h(
      "section",
      { class: "screen net-join", "aria-labelledby": "key-title", "data-view": "facilitator-key" },
      h("h1", { id: "key-title", tabindex: -1 }, `Run session ${code}`),
      form,
      button("Menu", "menu", () => shell.menu()),
    ),
  );
}

/** Opens the console for a session; `token` (just created, or from a link) is kept by this browser. */
export function openFacilitator(shell: Shell, code: string, token?: string): void {
  const key = token ?? storedFacilitatorToken(shell.storage, code);
  setAddress("facilitate", code);
  if (!key) {
    keyScreen(shell, code, null);
    return;
  }
  shell.show("connecting", h("section", { class: "screen", "data-view": "connecting" }, h("h1", {}, "Connecting…")));
  RemoteGame.join({ kind: "facilitator", code, token: key }, remoteOptions(shell.storage)).then(
    (game) => {
      storeFacilitatorToken(shell.storage, code, key);
      console_(shell, game, key);
    },
    (err: unknown) => {
      const message = (err as Error).message;
      // A wrong key, or a session that is over and gone, is forgotten; an unreachable server is not.
      if (/facilitator token|no session/.test(message)) storeFacilitatorToken(shell.storage, code, null);
      keyScreen(shell, code, `Could not open the console: ${message}`);
    },
  );
}
