# syntax=docker/dockerfile:1
# Build stage: a static, pure-Go binary.
FROM golang:1.26-bookworm AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /out/pmpath .

# Run stage: no shell, no package manager, non-root.
FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/pmpath /pmpath
ENV PMPATH_ADDR=:8080 \
    PMPATH_SQLITE_PATH=/data/pmpath.db
VOLUME ["/data"]
EXPOSE 8080
USER nonroot:nonroot
ENTRYPOINT ["/pmpath"]
CMD ["serve"]
