/** `npm start`: serves the built game on http://127.0.0.1:8080 (PORT and HOST override). */
import { createStaticServer } from "./staticServer.ts";

const port = Number(process.env.PORT ?? 8080);
const host = process.env.HOST ?? "127.0.0.1";
const server = createStaticServer("dist");
server.listen(port, host, () => process.stdout.write(`Case by Case on http://${host}:${port}/\n`));
const stop = () => server.close(() => process.exit(0));
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
