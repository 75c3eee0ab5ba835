# syntax=docker/dockerfile:1
# Build stage: a static, pure-Go binary.
FROM golang:1.26-bookworm AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
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
