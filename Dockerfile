# Case by Case: the game, the session API and the multiplayer endpoint in one Node process (src/server/main.ts).
# docker build -t case-by-case . && docker run -p 8080:8080 -v case-by-case-data:/data case-by-case
# Several processes behind one entry point: compose.yaml. Everything else: docs/hosting.md.

# 1. Build the browser game (Vite) with every dependency.
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY index.html vite.config.ts tsconfig.json ./
COPY src ./src
COPY scenarios ./scenarios
RUN npx vite build

# 2. Run it: production dependencies, the server's TypeScript (Node 24 runs it as is), the scenarios and the build.
FROM node:24-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production HOST=0.0.0.0 PORT=8080 DATA_DIR=/data STATIC_DIR=/app/dist
# jemalloc gives the memory of a busy day back once its sessions end; glibc's allocator keeps much of it
# (docs/hosting.md, "Memory"). The library's folder depends on the architecture, hence the link.
RUN apt-get update && apt-get install -y --no-install-recommends libjemalloc2 \
  && ln -s "$(find /usr/lib -name libjemalloc.so.2 | head -n 1)" /usr/local/lib/libjemalloc.so.2 \
  && rm -rf /var/lib/apt/lists/*
ENV LD_PRELOAD=/usr/local/lib/libjemalloc.so.2
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY scenarios ./scenarios
COPY src ./src
COPY --from=build /app/dist ./dist
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME /data
EXPOSE 8080
# 200 only while the store takes writes (and Redis answers, when REDIS_URL is set): GET /api/health.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.PORT}/api/health`).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "src/server/main.ts"]
