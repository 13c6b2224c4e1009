/**
 * The networked screens' entry (loaded on demand, so solo play never downloads the multiplayer SDK): routes to
 * the Classroom/Workshop hub, the join screen, a delegate's view, the projector and the facilitator's console.
 */
import { storedFacilitatorCodes } from "../../net/credentials.ts";
import { RemoteGame } from "../../net/remoteGame.ts";
import { h } from "../dom.ts";
import { remoteOptions } from "./endpoint.ts";
import { openFacilitator } from "./facilitatorView.ts";
import { hubScreen } from "./hub.ts";
import { joinScreen } from "./joinScreen.ts";
import { openPlayer } from "./playerView.ts";
import { openProjector } from "./projectorView.ts";
import { loadReachable, type Route, type Shell, setAddress } from "./shell.ts";
import "./classroom.css";

export type { Route, Shell } from "./shell.ts";

function projector(shell: Shell, code: string): void {
  setAddress("projector", code);
  shell.show("connecting", h("section", { class: "screen", "data-view": "connecting" }, h("h1", {}, "Connecting…")));
  RemoteGame.join({ kind: "projector", code }, remoteOptions(shell.storage)).then(
    (game) => openProjector(shell, game),
    (err: unknown) => shell.menu(`The projector view could not open session ${code}: ${(err as Error).message}`),
  );
}

export function openClassroom(outer: Shell, route: Route): void {
  // The join link and QR code need the address phones can reach: ask the server first (one small request).
  void loadReachable().then(() => route_(outer, route));
}

function route_(outer: Shell, route: Route): void {
  // Leaving for the menu also leaves the session's address, so a reload does not rejoin.
  const shell: Shell = {
    ...outer,
    menu: (message) => {
      setAddress(null);
      outer.menu(message);
    },
  };
  switch (route.to) {
    case "hub":
      setAddress(null);
      shell.show(
        route.mode,
        hubScreen(route.mode, shell.randomSeed(), storedFacilitatorCodes(shell.storage), {
          created: (code, token) => openFacilitator(shell, code, token),
          reopen: (code) => openFacilitator(shell, code),
          join: () => openClassroom(shell, { to: "join", code: null }),
          menu: () => shell.menu(),
        }),
      );
      return;
    case "join":
      setAddress(route.code ? "join" : null, route.code ?? undefined);
      shell.show(
        "join",
        joinScreen(shell.storage, route.code, {
          joined: (game) => {
            setAddress("join", game.code);
            openPlayer(shell, game);
          },
          codeChanged: (code) => setAddress(code ? "join" : null, code ?? undefined),
          back: () => shell.menu(),
        }),
      );
      return;
    case "projector":
      projector(shell, route.code);
      return;
    case "facilitate":
      openFacilitator(shell, route.code, route.token);
      return;
  }
}
