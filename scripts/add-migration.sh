#!/usr/bin/env bash
# Adds an EF Core migration for the reference-data tables into migrations/ (see docs/decisions/0003).
# Usage: scripts/add-migration.sh Name   (needs CALLCENTER_DB pointing at any PostgreSQL; nothing is applied)
set -euo pipefail
cd "$(dirname "$0")/.."
: "${CALLCENTER_DB:=Host=127.0.0.1;Port=5432;Username=postgres;Database=design_time}"
export CALLCENTER_DB
dotnet tool restore >/dev/null
dotnet ef migrations add "$1" --project backend/CallCenter.Api --output-dir ../../migrations --namespace CallCenter.Migrations
# EF writes the model snapshot beside the project's namespace folder; keep it with the migrations.
if [ -f backend/CallCenter.Api/CallCenter/Migrations/ReadModelDbModelSnapshot.cs ]; then
  mv backend/CallCenter.Api/CallCenter/Migrations/ReadModelDbModelSnapshot.cs migrations/
  rm -rf backend/CallCenter.Api/CallCenter
fi
