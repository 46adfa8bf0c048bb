#!/usr/bin/env bash
# Print the path of a working Python interpreter of the wanted minor version (3.10 or 3.12).
# Looks in pyenv's versions, then on PATH (pyenv shims are skipped: they may not run).
set -u
want="$1"
root="${PYENV_ROOT:-$HOME/.pyenv}"
for exe in "$root"/versions/"$want".*/bin/python /usr/local/bin/python"$want" /usr/bin/python"$want"; do
  if [ -x "$exe" ] && "$exe" -c 'import venv' >/dev/null 2>&1; then echo "$exe"; exit 0; fi
done
echo "Python $want introuvable : installez-le (par exemple : pyenv install $want)." >&2
exit 1
