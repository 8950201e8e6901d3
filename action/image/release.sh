#!/usr/bin/env bash
# Points action.yml at a released image: rewrites its one `runs.image:` line to
# `image: docker://<image>:<tag>`. Run it after pushing the image, before tagging the release:
#
#   action/image/release.sh ghcr.io/<owner>/planetscale-ci-action 1.0.0 [path/to/action.yml]
#
# The tag must be an immutable version (not `latest`), since old action refs must keep pulling
# the image they were tested with. Nothing is written unless exactly one `image:` line is found.
set -euo pipefail

usage() {
  echo "usage: $0 <registry image, e.g. ghcr.io/acme/planetscale-ci-action> <tag, e.g. 1.0.0> [action.yml]" >&2
  exit 2
}
fail() {
  echo "release: $*" >&2
  exit 1
}

[ $# -ge 2 ] && [ $# -le 3 ] || usage
IMAGE=$1
TAG=$2
FILE=${3:-"$(cd "$(dirname "$0")/.." && pwd)/action.yml"}

# Docker's reference grammar: lower-case path components separated by / (a registry host may
# carry a port), and a tag of up to 128 word characters, dots and dashes.
COMPONENT='[a-z0-9]+(([._]|__|-+)[a-z0-9]+)*'
[[ $IMAGE =~ ^$COMPONENT(:[0-9]+)?(/$COMPONENT)+$ ]] \
  || fail "'$IMAGE' is not an image name such as ghcr.io/acme/planetscale-ci-action (no docker://, no tag)"
[[ $TAG =~ ^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$ ]] || fail "'$TAG' is not a valid image tag such as 1.0.0"
[ "$TAG" != latest ] || fail "refusing the tag 'latest': pin an immutable version such as 1.0.0"
[ -f "$FILE" ] || fail "$FILE does not exist"

COUNT=$(grep -c '^  image: ' "$FILE" || true)
[ "$COUNT" = 1 ] || fail "expected exactly one '  image: ' line under runs: in $FILE, found $COUNT; nothing changed"

TMP=$(mktemp "$FILE.XXXXXX")
trap 'rm -f "$TMP"' EXIT
awk -v ref="docker://$IMAGE:$TAG" '/^  image: / { print "  image: " ref; next } { print }' "$FILE" >"$TMP"
cat "$TMP" >"$FILE"
echo "release: $FILE now runs docker://$IMAGE:$TAG"
