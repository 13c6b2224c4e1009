/** uPlot's script and stylesheet as text, inlined into the HTML report the debrief downloads (loaded on demand). */

import script from "uplot/dist/uPlot.iife.min.js?raw";
import css from "uplot/dist/uPlot.min.css?raw";
import type { ChartAssets } from "../../report/html.ts";

export const CHART_ASSETS: ChartAssets = { script, css };
