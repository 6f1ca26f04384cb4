# syntax=docker/dockerfile:1
# Every image of the stack, from the repository root (the build context):
# one `workspace` stage that they all start from, so the pnpm install, the
# store fetch and the sources are written once and built once. Targets:
#   backend-dev, backend-prod    the API (apps/backend-flask)
#   frontend-dev, frontend-prod  the web app (apps/frontend-react-js)
#   trace-viewer                 the local trace viewer (packages/trace-viewer)
# docker-compose.yml uses the dev targets; `docker build --target <name> .` any.
ARG NODE_IMAGE=node:26-trixie-slim

FROM ${NODE_IMAGE} AS workspace
# Node 25 and later ship no corepack: npm installs the pnpm that package.json pins.
RUN npm install --global pnpm@10.34.9 && npm cache clean --force
WORKDIR /repo
# The store is fetched from the lockfile alone, so a source change does not
# download every package again.
COPY pnpm-lock.yaml pnpm-workspace.yaml ./
RUN pnpm fetch
COPY . .

# --- The API ---------------------------------------------------------------

FROM workspace AS backend-deps
RUN pnpm install --offline --frozen-lockfile --filter "backend-flask..."

# Hot reload: compose mounts the sources over /repo/apps/backend-flask/src.
# The package's dev script loads src/instrumentation.ts first (tsx --import).
FROM backend-deps AS backend-dev
ENV PORT=4567
EXPOSE 4567
CMD ["pnpm", "exec", "turbo", "run", "dev", "--filter=backend-flask"]

FROM backend-deps AS backend-build
RUN pnpm exec turbo run build --filter=backend-flask \
 && pnpm --filter=backend-flask deploy --prod --legacy /out

# Compiled JavaScript and runtime dependencies only, as the unprivileged `node` user.
FROM ${NODE_IMAGE} AS backend-prod
ENV NODE_ENV=production PORT=4567
WORKDIR /app
COPY --from=backend-build --chown=node:node /out ./
# The X-Ray sampling rule lives outside the package; the API reads it from here.
COPY --from=backend-build --chown=node:node /repo/aws/json/xray.json ./aws/json/xray.json
ENV AWS_XRAY_SAMPLING_RULES_FILE=/app/aws/json/xray.json
USER node
EXPOSE 4567
# Tracing starts before the app loads so http, Fastify and pino are instrumented.
CMD ["node", "--import", "./dist/instrumentation.js", "dist/server.js"]

# --- The web app -------------------------------------------------------------

FROM workspace AS frontend-deps
RUN pnpm install --offline --frozen-lockfile --filter "frontend-react-js..."

# Hot reload: compose mounts the sources over /repo/apps/frontend-react-js/src.
FROM frontend-deps AS frontend-dev
EXPOSE 3000
CMD ["pnpm", "exec", "turbo", "run", "dev", "--filter=frontend-react-js"]

FROM frontend-deps AS frontend-build
# The API's public URL is compiled into the bundle; it is not a secret.
ARG VITE_BACKEND_URL=http://localhost:4567
ENV VITE_BACKEND_URL=${VITE_BACKEND_URL}
# Rollbar's post_client_item token is public by design: it ships in the bundle.
# Empty, the bundle reports nothing (and leaves the reporter out).
ARG VITE_ROLLBAR_CLIENT_TOKEN=
ARG VITE_ROLLBAR_ENVIRONMENT=
ENV VITE_ROLLBAR_CLIENT_TOKEN=${VITE_ROLLBAR_CLIENT_TOKEN} VITE_ROLLBAR_ENVIRONMENT=${VITE_ROLLBAR_ENVIRONMENT}
RUN pnpm exec turbo run build --filter=frontend-react-js

# Static files behind nginx, unprivileged, no Node at all.
FROM nginxinc/nginx-unprivileged:1.31-alpine AS frontend-prod
COPY apps/frontend-react-js/nginx.conf /etc/nginx/conf.d/default.conf
COPY --from=frontend-build /repo/apps/frontend-react-js/dist /usr/share/nginx/html
EXPOSE 3000

# --- The trace viewer ------------------------------------------------------

FROM workspace AS trace-viewer-build
RUN pnpm install --offline --frozen-lockfile --filter "@cruddur/trace-viewer..." \
 && pnpm exec turbo run build --filter=@cruddur/trace-viewer \
 && pnpm --filter=@cruddur/trace-viewer deploy --prod --legacy /out

# It has no dev mode worth a container of its own: one image for both.
FROM ${NODE_IMAGE} AS trace-viewer
ENV NODE_ENV=production TRACE_VIEWER_HOST=0.0.0.0 TRACE_VIEWER_PORT=4318
WORKDIR /app
COPY --from=trace-viewer-build --chown=node:node /out ./
USER node
EXPOSE 4318
CMD ["node", "dist/cli.js"]
