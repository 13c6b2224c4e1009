/**
 * The addresses students' phones can use: this machine's network addresses (not loopback), or the public
 * address the host configured (PUBLIC_URL) when the server sits behind a proxy or a domain name.
 */
import { networkInterfaces } from "node:os";

/** IPv4 addresses of this machine other than loopback, link-local and internal ones. */
export function lanAddresses(): string[] {
  const found: string[] = [];
  for (const list of Object.values(networkInterfaces()))
    for (const a of list ?? [])
      if (a.family === "IPv4" && !a.internal && !a.address.startsWith("169.254.")) found.push(a.address);
  return found;
}

/** True for a host name or address that only this machine can reach. */
export function isLoopback(host: string): boolean {
  const name = host.replace(/^\[|\]$/g, "").toLowerCase();
  return name === "localhost" || name === "::1" || name.startsWith("127.") || name === "0.0.0.0";
}

export interface ReachableAddresses {
  /** Base URLs a phone on the same network can open, best first (empty when there is none). */
  urls: string[];
  /** True when the server listens on loopback only, or the machine has no network address. */
  loopbackOnly: boolean;
}

/** Where students can reach a server bound to `host`:`port` (PUBLIC_URL, when given, comes first). */
export function reachableAddresses(host: string, port: number, publicUrl?: string): ReachableAddresses {
  const urls: string[] = [];
  if (publicUrl) urls.push(publicUrl.endsWith("/") ? publicUrl : `${publicUrl}/`);
  const boundEverywhere = host === "0.0.0.0" || host === "::" || host === "";
  if (boundEverywhere) for (const a of lanAddresses()) urls.push(`http://${a}:${port}/`);
  else if (!isLoopback(host)) urls.push(`http://${host.includes(":") ? `[${host}]` : host}:${port}/`);
  return { urls, loopbackOnly: urls.length === 0 };
}
