/**
 * The allies' flags, from the flag-icons package (MIT). Only the 32 allies' files are bundled. We use the square
 * (1x1) artwork, which flag-icons composes for square and round crops, because seats show round flags.
 */
import Phaser from "phaser";

const urls = import.meta.glob<string>(
  "../../node_modules/flag-icons/flags/1x1/{al,be,bg,ca,hr,cz,dk,ee,fi,fr,de,gr,hu,is,it,lv,lt,lu,me,nl,mk,no,pl,pt,ro,sk,si,es,se,tr,gb,us}.svg",
  { query: "?url", import: "default", eager: true },
);

/**
 * Vite inlines small assets as URL-encoded `data:` URLs, but Phaser's loader decodes every `data:` URL as base64;
 * re-encode those (as UTF-8 bytes) so both agree.
 */
export function loaderSafeUrl(url: string): string {
  const comma = url.indexOf(",");
  if (!url.startsWith("data:") || comma < 0 || url.slice(0, comma).endsWith(";base64")) return url;
  const bytes = new TextEncoder().encode(decodeURIComponent(url.slice(comma + 1)));
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return `${url.slice(0, comma)};base64,${btoa(binary)}`;
}

/** Flag URL by lower-case ISO 3166 alpha-2 code. */
export const FLAG_URLS: ReadonlyMap<string, string> = new Map(
  Object.entries(urls).map(([path, url]) => [
    path.slice(path.lastIndexOf("/") + 1, -".svg".length),
    loaderSafeUrl(url),
  ]),
);

export const FLAG_SOURCE_PX = 256; // the SVGs are rasterised once at this size
export const flagKey = (iso2: string): string => `flag-${iso2}`;
export const roundFlagKey = (iso2: string): string => `flag-round-${iso2}`;

/**
 * Makes (or resizes) a round, `px`-wide canvas texture of the ally's flag, cut from the rasterised SVG, and returns
 * its key; null when the flag is not loaded. Drawing at the displayed size lets the browser downsample smoothly.
 */
export function ensureRoundFlag(textures: Phaser.Textures.TextureManager, iso2: string, px: number): string | null {
  const source = textures.exists(flagKey(iso2)) ? textures.get(flagKey(iso2)).getSourceImage() : null;
  if (!(source instanceof HTMLImageElement || source instanceof HTMLCanvasElement)) return null;
  const key = roundFlagKey(iso2);
  const size = Math.max(8, Math.ceil(px));
  const existing = textures.exists(key) ? textures.get(key) : null;
  const canvasTexture = existing ?? textures.createCanvas(key, size, size);
  if (!(canvasTexture instanceof Phaser.Textures.CanvasTexture)) return null;
  if (existing && canvasTexture.width === size) return key;
  canvasTexture.setSize(size, size);
  const ctx = canvasTexture.context;
  ctx.clearRect(0, 0, size, size);
  ctx.save();
  ctx.beginPath();
  ctx.arc(size / 2, size / 2, size / 2, 0, Math.PI * 2);
  ctx.clip();
  ctx.imageSmoothingQuality = "high";
  ctx.drawImage(source, 0, 0, size, size);
  ctx.restore();
  canvasTexture.refresh();
  return key;
}
