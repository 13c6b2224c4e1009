/**
 * The allies' flags, from the flag-icons package (MIT). Only the 32 allies' files are bundled. We use the square
 * (1x1) artwork, which flag-icons composes for square and round crops, because seats show round flags.
 *
 * The room does not wait for them: seats show plain discs until the flags have loaded, then every round flag is
 * drawn into one canvas texture (one frame per ally), so the GPU gets a single upload.
 */
import Phaser from "phaser";

const urls = import.meta.glob<string>(
  "../../node_modules/flag-icons/flags/1x1/{al,be,bg,ca,hr,cz,dk,ee,fi,fr,de,gr,hu,is,it,lv,lt,lu,me,nl,mk,no,pl,pt,ro,sk,si,es,se,tr,gb,us}.svg",
  { query: "?url", import: "default", eager: true },
);

/** Flag URL by lower-case ISO 3166 alpha-2 code. */
const FLAG_URLS: ReadonlyMap<string, string> = new Map(
  Object.entries(urls).map(([path, url]) => [path.slice(path.lastIndexOf("/") + 1, -".svg".length), url]),
);

const FLAG_SOURCE_PX = 256; // the SVGs are rasterised once at this size
export const FLAG_ATLAS_KEY = "flags-round";
const GAP = 2; // transparent pixels between discs, so smoothing never picks up a neighbour

/**
 * Gives an SVG that only has a viewBox (as flag-icons' files do) a pixel size, so an image of it has one: without
 * it the browser would draw it into a 300×150 default box.
 */
function sizedSvg(svg: string, px: number): string {
  const open = /<svg\b[^>]*>/.exec(svg);
  if (!open || /\swidth=/.test(open[0])) return svg;
  return svg.replace(/<svg\b/, `<svg width="${px}" height="${px}"`);
}

/**
 * An SVG file's text. The build inlines small flags as data: URLs, which are decoded here rather than fetched (a
 * page's Content Security Policy may allow fetches from its own origin only).
 */
async function svgText(url: string): Promise<string> {
  const data = /^data:image\/svg\+xml(;base64)?,/.exec(url);
  if (!data) return (await fetch(url)).text();
  const body = url.slice(data[0].length);
  return data[1]
    ? new TextDecoder().decode(Uint8Array.from(atob(body), (c) => c.charCodeAt(0)))
    : decodeURIComponent(body);
}

async function loadFlag(url: string): Promise<HTMLImageElement> {
  const svg = sizedSvg(await svgText(url), FLAG_SOURCE_PX);
  const blobUrl = URL.createObjectURL(new Blob([svg], { type: "image/svg+xml" }));
  try {
    const img = new Image();
    img.src = blobUrl;
    await img.decode();
    return img;
  } finally {
    URL.revokeObjectURL(blobUrl);
  }
}

/** Loads every ally's flag as an image; a flag that cannot be loaded is left out (its seat keeps a plain disc). */
export async function loadFlags(): Promise<Map<string, HTMLImageElement>> {
  const loaded = await Promise.all(
    [...FLAG_URLS].map(([iso2, url]) =>
      loadFlag(url).then(
        (img) => [iso2, img] as const,
        () => null,
      ),
    ),
  );
  return new Map(loaded.filter((e) => e !== null));
}

/** Where each flag's disc sits in an atlas of `count` discs `px` wide: a near-square grid. Pure. */
function atlasGrid(count: number, px: number): { cols: number; width: number; height: number } {
  const cols = Math.max(1, Math.ceil(Math.sqrt(count)));
  const rows = Math.max(1, Math.ceil(count / cols));
  return { cols, width: cols * (px + GAP), height: rows * (px + GAP) };
}

/**
 * The allies' round flags, all in one canvas texture (frame name = ISO2). `draw` (re)draws them at the displayed
 * size, so the browser downsamples each flag smoothly, and only when that size changes.
 */
export class FlagAtlas {
  private images: ReadonlyMap<string, HTMLImageElement> = new Map();
  private drawnPx = 0;
  private readonly textures: Phaser.Textures.TextureManager;

  constructor(textures: Phaser.Textures.TextureManager) {
    this.textures = textures;
  }

  /** Takes the loaded flags; the next `draw` paints them. */
  setImages(images: ReadonlyMap<string, HTMLImageElement>): void {
    this.images = images;
    this.drawnPx = 0;
  }

  /** Makes sure every loaded flag is drawn as a `px`-wide disc; false while there is none. */
  draw(px: number): boolean {
    if (this.images.size === 0) return false;
    const size = Math.max(8, Math.ceil(px));
    if (size === this.drawnPx) return true;
    const { cols, width, height } = atlasGrid(this.images.size, size);
    const atlas = this.textures.exists(FLAG_ATLAS_KEY)
      ? this.textures.get(FLAG_ATLAS_KEY)
      : this.textures.createCanvas(FLAG_ATLAS_KEY, width, height);
    if (!(atlas instanceof Phaser.Textures.CanvasTexture)) return false;
    atlas.setSize(width, height);
    const ctx = atlas.context;
    ctx.clearRect(0, 0, width, height);
    ctx.imageSmoothingQuality = "high";
    [...this.images].forEach(([iso2, img], i) => {
      const x = (i % cols) * (size + GAP);
      const y = Math.floor(i / cols) * (size + GAP);
      ctx.save();
      ctx.beginPath();
      ctx.arc(x + size / 2, y + size / 2, size / 2, 0, Math.PI * 2);
      ctx.clip();
      ctx.drawImage(img, x, y, size, size);
      ctx.restore();
      if (atlas.has(iso2)) atlas.get(iso2).setSize(size, size, x, y);
      else atlas.add(iso2, 0, x, y, size, size);
    });
    atlas.refresh();
    this.drawnPx = size;
    return true;
  }

  /** The frame of this ally's disc, or null when its flag is not loaded (the seat shows a plain disc). */
  frame(iso2: string): string | null {
    return this.drawnPx > 0 && this.images.has(iso2) ? iso2 : null;
  }
}
