# HotSox: one image for every deployable (web, api, web-worker, api-worker, the migrate step and the
# CLI); docker-compose.yml picks the entry point per service with `command`.
#
#   docker build -t hotsox .
#   docker run --rm -e DATABASE_URL=... -e JWT_SECRET=... -e SESSION_SECRET=... -p 3000:3000 hotsox

ARG NODE_IMAGE=node:20-bookworm-slim

# --- build: every dependency, compile TypeScript, then drop the dev dependencies ---------------
FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY scripts ./scripts
RUN npm run build \
 && npm prune --omit=dev --no-audit --no-fund \
 && npm cache clean --force

# --- runtime: compiled code, production dependencies, and the files read at run time ----------
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    DATA_DIR=/app/data \
    MEDIA_DIR=/app/media
WORKDIR /app
# package.json marks the project root, where the code looks for views, static files and email
# templates (tsc does not copy them into dist/).
COPY --from=build /app/package.json /app/package-lock.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY src/adapters/queue/emails ./src/adapters/queue/emails
COPY src/adapters/http-express/views ./src/adapters/http-express/views
COPY src/adapters/http-express/public ./src/adapters/http-express/public
# The code is read-only for the app user; only the data and media folders (volumes in compose,
# which start with this ownership) are writable.
RUN mkdir -p /app/data /app/media \
 && chown node:node /app/data /app/media \
 && test -f src/adapters/queue/emails/layout.pug \
 && test -f src/adapters/http-express/views/layout.pug \
 && test -d src/adapters/http-express/public \
 && test -f dist/src/main/web.js
USER node
EXPOSE 3000 3001 3100 3101
# /healthz of whichever process runs: the workers' HEALTH_PORT, else the app's PORT (web 3000).
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "const p=process.env.HEALTH_PORT||process.env.PORT||3000;require('http').get({host:'127.0.0.1',port:p,path:'/healthz',timeout:2500},r=>process.exit(r.statusCode===200?0:1)).on('error',()=>process.exit(1)).on('timeout',()=>process.exit(1))"]
CMD ["node", "dist/src/main/web.js"]
