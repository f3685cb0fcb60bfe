#!/usr/bin/env bash
# Imports every sample catalog record into a running catalog-service, one line per file.
#
#   CREDSTACK_TOKEN=<access token> samples/import-catalog.sh [base-url]        (default http://localhost:8081)
#
# Imports need an operator's access token (the samples create many providers; docs/authz-catalog.md):
# when CREDSTACK_TOKEN is set, every request sends "Authorization: Bearer $CREDSTACK_TOKEN"; without it the
# catalog answers 401. `./credstack import-samples` signs the operator in by itself (add --port-offset/--data-dir
# as for ./credstack run).
#
# Order: standalone CTDL credentials, then CTDL pathways (each pathway document carries its components, which
# the import lists before the stack), then Open Badges, each BadgeClass sent as a JSON array with its folder's
# issuer Profile. Records that do not name their organisation get a provider name from the source notes
# (catalog/*/SOURCES.md). Two Fresno State files are broken on purpose and are expected to be refused.
# Needs bash and curl; jq, if present, makes the summary shorter.
set -uo pipefail

BASE="${1:-http://localhost:8081}"
AUTH=()
if [[ -n "${CREDSTACK_TOKEN:-}" ]]; then
  AUTH=(-H "Authorization: Bearer $CREDSTACK_TOKEN")
fi
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
CATALOG="$HERE/catalog"

urlencode() {
  # byte by byte, so a non-ASCII character becomes the %XX of each of its UTF-8 bytes
  local LC_ALL=C text="$1" out="" c i
  for ((i = 0; i < ${#text}; i++)); do
    c="${text:i:1}"
    case "$c" in
      [a-zA-Z0-9.~_-]) out+="$c" ;;
      *) out+=$(printf '%%%02X' "'$c") ;;
    esac
  done
  printf '%s' "$out"
}

strip_bom() { sed '1s/^\xEF\xBB\xBF//' "$1"; }

summary() {
  local status="$1" body="$2"
  if command -v jq >/dev/null 2>&1; then
    if [[ "$status" == 200 ]]; then
      jq -r '[.credentials[].change] | group_by(.) | map("\(length) \(.[0])") | join(", ")' <<<"$body" 2>/dev/null
    else
      jq -r '"\(.title): " + ([.errors[]? | "\(if .pointer == "" then "(document)" else .pointer // .field end): \(.message)"] | join("; "))' <<<"$body" 2>/dev/null
    fi
  else
    printf '%s' "${body:0:200}"
  fi
}

# post <label> <content-type> <query> ; body on stdin
post() {
  local label="$1" type="$2" query="$3" response status body
  response=$(curl -sS -X POST "$BASE/api/v1/imports?$query" -H "Content-Type: $type" "${AUTH[@]}" --data-binary @- -w $'\n%{http_code}') || {
    printf '%-70s curl failed\n' "$label"
    return
  }
  status="${response##*$'\n'}"
  body="${response%$'\n'*}"
  printf '%-70s %s %s\n' "$label" "$status" "$(summary "$status" "$body")"
}

ctdl() {
  local file="$1" provider="$2" type="application/json"
  [[ "$file" == *.jsonld ]] && type="application/ld+json"
  strip_bom "$CATALOG/ctdl/$file" \
    | post "ctdl/$file" "$type" "format=ctdl&source=$(urlencode "ctdl/$file")&provider=$(urlencode "$provider")"
}

badges() {
  local folder="$1" issuer badge
  issuer=$(ls "$CATALOG/badgeclasses/$folder"/issuer*.json 2>/dev/null | head -n 1)
  for badge in "$CATALOG/badgeclasses/$folder"/*.json; do
    [[ "$badge" == "$issuer" ]] && continue
    local source="badgeclasses/$folder/$(basename "$badge")"
    if [[ -n "$issuer" ]]; then
      { printf '['; strip_bom "$badge"; printf ','; strip_bom "$issuer"; printf ']'; } \
        | post "$source (+issuer)" application/json "format=openbadges&source=$(urlencode "$source")"
    else
      strip_bom "$badge" | post "$source" application/json "format=openbadges&source=$(urlencode "$source")"
    fi
  done
}

ctdl uakron_physics-polymer_bachelor.json "University of Akron"
ctdl coffeyville-cc_medical-lab-tech_aas.sandbox.graph.json "Coffeyville Community College"
ctdl iu-south-bend_bsn_bachelor.sandbox.graph.json "Indiana University South Bend"
ctdl comptia-a-plus_certification.json "CompTIA"
ctdl nocti-21st-century-skills_certification.graph.json "NOCTI"
ctdl nbcot-cota_certification.2017-import.json "NBCOT"
ctdl comptia-it-networking-specialist_pathway.jsonld "CompTIA"
ctdl usu-empowering-teaching-excellence_badge-pathway.json "Utah State University"
ctdl unt-french-ba-marketable-skills_badge-pathway.json "University of North Texas"

for folder in institute-of-coding skmch jackson-state-univ ai4good-mx cognipilot-ob3 software-carpentry fresno-state-library; do
  badges "$folder"
done
