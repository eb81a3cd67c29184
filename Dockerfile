# syntax=docker/dockerfile:1
# shipshape's image: the CLI, the admission webhook (`shipshape webhook`) and the cluster scanner
# (`shipshape scan --cluster`). Build: docker build -t ghcr.io/shipshape/shipshape:0.1.0 .

# Build stage: full Node 20 toolchain, dev dependencies for the TypeScript compiler.
FROM node:20.20.0-bookworm-slim AS build
WORKDIR /src
COPY package.json package-lock.json ./
# --ignore-scripts: `prepare` would build before the sources are copied; the build runs below.
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY bin/ ./bin/
COPY schemas/ ./schemas/
COPY src/ ./src/
RUN npm run build && npm prune --omit=dev --ignore-scripts --no-audit --no-fund

# Runtime stage: distroless Node 20, no shell or package manager, runs as the nonroot user (65532).
FROM gcr.io/distroless/nodejs20-debian12:nonroot
LABEL org.opencontainers.image.title="shipshape" \
      org.opencontainers.image.description="Find security misconfigurations in Kubernetes manifests and Dockerfiles; admission webhook and cluster scanner" \
      org.opencontainers.image.source="https://github.com/shipshape/shipshape" \
      org.opencontainers.image.licenses="Apache-2.0" \
      org.opencontainers.image.version="0.1.0"
WORKDIR /app
COPY --from=build /src/package.json ./package.json
COPY --from=build /src/node_modules/ ./node_modules/
COPY --from=build /src/dist/ ./dist/
COPY --from=build /src/bin/ ./bin/
COPY --from=build /src/schemas/ ./schemas/
COPY deploy/docker/healthcheck.mjs ./healthcheck.mjs
ENV NODE_ENV=production
USER 65532:65532
EXPOSE 8443
# Healthy while a scan runs; for `shipshape webhook`, its /healthz must answer (see healthcheck.mjs).
HEALTHCHECK --interval=30s --timeout=5s --start-period=10s --retries=3 CMD ["/nodejs/bin/node", "/app/healthcheck.mjs"]
ENTRYPOINT ["/nodejs/bin/node", "/app/bin/shipshape.js"]
CMD ["--help"]
