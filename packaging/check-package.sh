#!/usr/bin/env bash
# ctest package_deb: builds the Debian package from a finished build tree into a temporary folder,
# checks its control fields and contents, and runs the executables extracted from it.
#
#   check-package.sh CPACK BUILD_DIR VERSION "PNG_ICON_SIZES"
set -euo pipefail

cpack=$1
build=$2
version=$3
png_sizes=$4

app_id=io.github.retort.Retort
failures=0
fail() {
    echo "FAIL: $*" >&2
    failures=$((failures + 1))
}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

if ! "$cpack" --config "$build/CPackConfig.cmake" -G DEB -B "$tmp/out" >"$tmp/cpack.log" 2>&1; then
    cat "$tmp/cpack.log" >&2
    echo "FAIL: cpack could not build the package" >&2
    exit 1
fi
shopt -s nullglob
debs=("$tmp"/out/retort_*.deb)
if ((${#debs[@]} != 1)); then
    cat "$tmp/cpack.log" >&2
    echo "FAIL: expected one retort_*.deb, found ${#debs[@]}" >&2
    exit 1
fi
deb=${debs[0]}
arch=$(dpkg --print-architecture)
[[ $(basename "$deb") == "retort_${version}_${arch}.deb" ]] || fail "file name $(basename "$deb")"

echo "== dpkg-deb --info $(basename "$deb")"
dpkg-deb --info "$deb"

field() { dpkg-deb --field "$deb" "$1"; }
[[ $(field Package) == retort ]] || fail "Package: $(field Package)"
[[ $(field Version) == "$version" ]] || fail "Version: $(field Version), expected $version"
[[ $(field Architecture) == "$arch" ]] || fail "Architecture: $(field Architecture)"
[[ -n $(field Maintainer) ]] || fail "no Maintainer"
[[ -n $(field Section) ]] || fail "no Section"
[[ $(field Homepage) == https://* ]] || fail "Homepage: $(field Homepage)"
description=$(field Description)
[[ $(wc -l <<<"$description") -ge 2 ]] || fail "Description has no long text"

# Depends comes from dpkg-shlibdeps: the Qt and QScintilla libraries the binaries link.
depends=$(field Depends)
[[ -n $depends ]] || fail "Depends is empty (dpkg-shlibdeps did not run?)"
for pkg in libqt6widgets6 libqt6core6 libc6; do
    [[ $depends == *"$pkg"* ]] || fail "Depends lacks $pkg: $depends"
done
recommends=$(field Recommends)
for pkg in python3-alembic python3-sqlalchemy; do
    [[ $recommends == *"$pkg"* ]] || fail "Recommends lacks $pkg: $recommends"
done

echo "== dpkg-deb --contents"
dpkg-deb --contents "$deb" | tee "$tmp/contents.txt"
# "drwxr-xr-x root/root 0 2026-01-01 00:00 ./usr/bin/" -> "usr/bin/" and "rwxr-xr-x root/root"
awk '{ sub(/^\.\//, "", $6); print $6 }' "$tmp/contents.txt" >"$tmp/paths.txt"
expected=(
    usr/bin/retort
    usr/bin/retort-cli
    "usr/share/applications/$app_id.desktop"
    "usr/share/metainfo/$app_id.metainfo.xml"
    "usr/share/icons/hicolor/scalable/apps/$app_id.svg"
)
for size in $png_sizes; do
    expected+=("usr/share/icons/hicolor/${size}x${size}/apps/$app_id.png")
done
for path in "${expected[@]}"; do
    grep -qxF "$path" "$tmp/paths.txt" || fail "missing $path"
done
grep -v '^usr/' "$tmp/paths.txt" | grep -vx '' && fail "files outside /usr"
grep -E '^usr/(include|lib/cmake)/|\.a$' "$tmp/paths.txt" && fail "development files in the package"
awk '$2 != "root/root" { print }' "$tmp/contents.txt" | grep . && fail "files not owned by root/root"
for bin in retort retort-cli; do
    grep -qE "^-rwxr-xr-x .* \./usr/bin/$bin$" "$tmp/contents.txt" || fail "usr/bin/$bin is not mode 0755"
done

dpkg-deb -x "$deb" "$tmp/root"
root=$tmp/root

if command -v desktop-file-validate >/dev/null; then
    desktop-file-validate "$root/usr/share/applications/$app_id.desktop" || fail "desktop-file-validate"
else
    echo "desktop-file-validate not installed: .desktop file not validated"
fi
if command -v appstreamcli >/dev/null; then
    appstreamcli validate --no-net "$root/usr/share/metainfo/$app_id.metainfo.xml" >"$tmp/appstream.log" 2>&1 ||
        { cat "$tmp/appstream.log" >&2; fail "appstreamcli validate"; }
fi
for size in $png_sizes; do
    png=$root/usr/share/icons/hicolor/${size}x${size}/apps/$app_id.png
    [[ -f $png ]] && file "$png" | grep -q "PNG image data, $size x $size" || fail "$png is not a ${size}x$size PNG"
done

# The extracted binaries run against the system libraries their Depends name.
for bin in retort retort-cli; do
    if ldd "$root/usr/bin/$bin" | grep 'not found'; then
        fail "$bin: unresolved libraries"
    fi
done
# Every library the binaries need (DT_NEEDED) must come from a package named in Depends: e.g.
# libqscintilla2-qt6-15 once the editor is in, libpqxx once the database code links it.
for bin in retort retort-cli; do
    while read -r soname path; do
        # merged /usr: dpkg may know the file under /lib or /usr/lib, by its soname or real name
        owner=$(dpkg -S "$path" 2>/dev/null || dpkg -S "$(readlink -f "$path")" 2>/dev/null ||
            dpkg -S "/usr$path" 2>/dev/null || dpkg -S "${path#/usr}" 2>/dev/null || true)
        owner=${owner%%:*}
        echo "$bin needs $soname: $owner"
        if [[ -z $owner ]]; then
            fail "$bin needs $soname ($path), which no installed package owns"
        elif [[ ", $depends," != *", $owner "* && ", $depends," != *", $owner,"* ]]; then
            fail "$bin needs $soname from $owner, which Depends lacks: $depends"
        fi
    done < <(ldd "$root/usr/bin/$bin" | awk -v needed="$(readelf -d "$root/usr/bin/$bin" |
        sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p' | tr '\n' ' ')" '
        BEGIN { n = split(needed, list, " "); for (i = 1; i <= n; i++) want[list[i]] = 1 }
        $1 in want && $3 ~ /^\// { print $1, $3 }')
done

out=$(QT_QPA_PLATFORM=offscreen "$root/usr/bin/retort" --version 2>&1) || fail "retort --version exited $?"
echo "retort --version: $out"
[[ $out == *"Retort $version"* ]] || fail "retort --version printed: $out"
out=$("$root/usr/bin/retort-cli" --version 2>&1) || fail "retort-cli --version exited $?"
echo "retort-cli --version: $out"
[[ $out == *"retort-cli $version"* ]] || fail "retort-cli --version printed: $out"
if [[ -e $root/usr/bin/retort ]] && file "$root/usr/bin/retort" | grep -q 'not stripped'; then
    fail "usr/bin/retort is not stripped"
fi

if ((failures > 0)); then
    echo "$failures check(s) failed" >&2
    exit 1
fi
echo "package OK: $(basename "$deb")"
