#!/usr/bin/env bash
# Packs the Scheduler.Engine library and the scheduler .NET tool into a temporary folder, installs the tool from
# that folder alone into a temporary tool path, and runs it: what a user of the packages gets, checked end to end.
# Prints each package's size. Needs only the .NET SDK; leaves nothing behind.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "== pack the library and the tool"
dotnet pack Scheduler.Engine -c Release -o "$work/packages" -warnaserror
dotnet pack Scheduler.Cli -c Release -o "$work/packages" -warnaserror
for package in "$work"/packages/*.nupkg; do
  printf '%-40s %6.1f MiB\n' "$(basename "$package")" "$(du -k "$package" | awk '{print $1 / 1024}')"
done

echo "== the library package has its docs, README and licence"
# A .nupkg is a zip; python3 reads it (CI has it already for .ci/run), so no unzip is needed.
entries() { python3 -c 'import sys, zipfile; print("\n".join(zipfile.ZipFile(sys.argv[1]).namelist()))' "$1"; }
nuspec() { python3 -c 'import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); print(z.read(next(n for n in z.namelist() if n.endswith(".nuspec"))).decode("utf-8-sig"))' "$1"; }
engine=$(ls "$work"/packages/Scheduler.Engine.*.nupkg | head -1)
contents=$(entries "$engine")
for needed in lib/net10.0/Scheduler.Engine.dll lib/net10.0/Scheduler.Engine.xml README.md; do
  grep -qx "$needed" <<<"$contents" || { echo "missing from $(basename "$engine"): $needed"; exit 1; }
done
nuspec "$engine" | grep -q '<license type="expression">MIT</license>' || { echo "no licence expression in $(basename "$engine")"; exit 1; }

echo "== install the tool from the local folder only"
tool=$(ls "$work"/packages/Scheduler.Cli.*.nupkg | head -1)
version=$(nuspec "$tool" | sed -n 's:.*<version>\(.*\)</version>.*:\1:p' | head -1)
# Only the local folder as a source, so a same-named package elsewhere can never be the one tested.
cat > "$work/nuget.config" <<CONFIG
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="local" value="$work/packages" />
  </packageSources>
</configuration>
CONFIG
dotnet tool install Scheduler.Cli --version "$version" --tool-path "$work/tools" --configfile "$work/nuget.config"

echo "== run the installed tool"
"$work/tools/scheduler" --version | tee "$work/version.txt"
grep -qx "scheduler $version" "$work/version.txt" || { echo "expected 'scheduler $version'"; exit 1; }
"$work/tools/scheduler" demo --time-limit 5 > "$work/demo.txt"
head -5 "$work/demo.txt"
grep -q . "$work/demo.txt" || { echo "the demo printed nothing"; exit 1; }
echo "pack check passed"
