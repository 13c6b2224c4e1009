/**
 * A QR code as SVG built with DOM calls (never markup from a string): crisp on a projector at any size. The
 * module matrix comes from the `qrcode` package.
 */
import QRCode from "qrcode";

const SVG = "http://www.w3.org/2000/svg";
const QUIET = 2; // modules of white margin (the spec asks 4; 2 scans well on a screen with a light frame)

/** An SVG QR code for `text`, labelled for screen readers. */
export function qrCode(text: string, label: string): SVGSVGElement {
  const qr = QRCode.create(text, { errorCorrectionLevel: "M" });
  const n = qr.modules.size;
  const size = n + QUIET * 2;
  const svg = document.createElementNS(SVG, "svg");
  svg.setAttribute("viewBox", `0 0 ${size} ${size}`);
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", label);
  svg.setAttribute("class", "qr");
  svg.setAttribute("shape-rendering", "crispEdges");
  const background = document.createElementNS(SVG, "rect");
  background.setAttribute("width", String(size));
  background.setAttribute("height", String(size));
  background.setAttribute("fill", "#fff");
  let d = "";
  for (let y = 0; y < n; y++)
    for (let x = 0; x < n; x++) if (qr.modules.get(x, y)) d += `M${x + QUIET} ${y + QUIET}h1v1h-1z`;
  const path = document.createElementNS(SVG, "path");
  path.setAttribute("d", d);
  path.setAttribute("fill", "#000");
  svg.append(background, path);
  return svg;
}
