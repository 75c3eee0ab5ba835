# syntax=docker/dockerfile:1
# Web stage: the single-page app, built once into static files.
FROM node:20-bookworm-slim AS web
WORKDIR /web
COPY frontend/package.json frontend/package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY frontend/ ./
RUN npm run build

# Build stage: a static, pure-Go binary with the app embedded.
FROM golang:1.26-bookworm AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
COPY --from=web /web/dist/ ./frontend/dist/
RUN CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /out/pmpath . \
 && mkdir -p /out/data

# Run stage: no shell, no package manager, non-root.
FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/pmpath /pmpath
# A new volume takes this directory's owner: the non-root user can write
# the SQLite file there.
COPY --from=build --chown=65532:65532 /out/data /data
ENV PMPATH_ADDR=:8080 \
    PMPATH_SQLITE_PATH=/data/pmpath.db
VOLUME ["/data"]
EXPOSE 8080
USER nonroot:nonroot
ENTRYPOINT ["/pmpath"]
CMD ["serve"]
