/**
 * Where the game server is: this page's origin. Under `npm run dev` the Vite server proxies /api and
 * /matchmake to the game server, and the room's WebSocket (whose path is the server's process and room ids)
 * under the /colyseus prefix; see vite.config.ts.
 */
import type { RemoteOptions } from "../../net/remoteGame.ts";

export function remoteOptions(storage: Storage | null): RemoteOptions {
  if (!import.meta.env.DEV) return { storage };
  return {
    storage,
    urlBuilder: (url) => {
      url.pathname = `/colyseus${url.pathname}`;
      return url.toString();
    },
  };
}
