# One image for every role of a scaled-out studio: `studio serve --workers 0` (API + WebSocket), `studio worker`
# (the engine and its sandbox), or `studio serve` alone (both). See "Deployment" in the README; docker-compose.yml
# runs the whole topology. Written for this project but never built here: the machine it was written on has no
# Docker engine.
FROM node:20-bookworm-slim

# bubblewrap isolates the generated tests (user, mount, pid and network namespaces); without it the studio uses
# util-linux's unshare, and without namespaces at all it refuses model-written code (see "Security").
RUN apt-get update \
  && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends bubblewrap ca-certificates \
  && rm -rf /var/lib/apt/lists/*

WORKDIR /app
COPY package.json package-lock.json ./
COPY packages ./packages
COPY examples ./examples
# Installs the workspace and builds the web app and the CLI bundle (the root package's `prepare`).
RUN npm ci --no-audit --no-fund --loglevel=error && npm cache clean --force

ENV NODE_ENV=production \
  HOST=0.0.0.0 \
  PORT=8000
EXPOSE 8000
# The sandbox's workers run as uid 65534 inside their namespaces; the studio itself needs no root once the image
# is built, but bubblewrap as non-root needs unprivileged user namespaces from the host kernel.
CMD ["node", "packages/cli/bin/studio.js", "serve"]
