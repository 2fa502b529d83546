#!/usr/bin/env bash
# Lints the deployment files without a container engine or a cluster:
#   - Dockerfile: BuildKit's own checks (as "docker build --check"), offline,
#     and this project's rules (multi-stage, static binary, distroless,
#     non-root, exec-form ENTRYPOINT/CMD); the binary is built as the image
#     builds it, checked to be static, and run with the image's CMD.
#   - kubernetes/*.yaml: decoded strictly into the Kubernetes API types
#     (unknown fields fail), checked against each other and the binary, and
#     the Deployment's args run against the binary.
# The scale-out test (nginx and restarts under load) is "go test -run TestScaleOut".
set -euo pipefail
cd "$(dirname "$0")"
go vet ./...
go test -count=1 -run 'TestDockerfile|TestImageCommand|TestKubernetes' ./...
