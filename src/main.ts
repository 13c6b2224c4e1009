/** Browser entry: starts the app on #app. Randomness for new seeds lives here, never in the engine. */
import "./zodConfig.ts"; // first: schemas read it when they are built
import "./ui/styles.css";
import "./ui/guide.css";
import "./ui/desk.css";
import { startApp } from "./ui/app.ts";

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

const root = document.getElementById("app");
if (root)
  startApp({
    root,
    storage: storage(),
    params: new URLSearchParams(location.search),
    randomSeed: () => Math.floor(Math.random() * 1_000_000),
    forgetLink: () => history.replaceState(null, "", location.pathname),
  });
