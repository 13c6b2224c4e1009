/** uPlot's script and stylesheet from node_modules, inlined into the HTML report so that it draws its charts offline. */
import { readFileSync } from "node:fs";
import type { ChartAssets } from "../report/html.ts";
import { ROOT } from "./browser.ts";

export function chartAssets(): ChartAssets {
  const dist = `${ROOT}node_modules/uplot/dist/`;
  return {
    script: readFileSync(`${dist}uPlot.iife.min.js`, "utf8"),
    css: readFileSync(`${dist}uPlot.min.css`, "utf8"),
  };
}
