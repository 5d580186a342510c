#!/bin/sh
# Rebuild the statistics fixtures and their R goldens from scratch, from the repository root:
#
#   sh scripts/stats-goldens/regenerate.sh [/path/to/ref_stats.R]      (default $REF_STATS or ../shared/tools/ref_stats.R)
#   git diff --stat fixtures/stats fixtures/stats-milestones             (expect no change on the same R version)
#
# Needs Debian's r-base-core, r-cran-mass and r-cran-jsonlite; python3 with mpmath for the 50-digit values and scipy for the Pearson p.
# The project's tests never run this: they read the committed files.
set -eu
cd "$(dirname "$0")/../.."
REF="${1:-${REF_STATS:-../shared/tools/ref_stats.R}}"
Rscript scripts/stats-goldens/generate-fixtures.R fixtures/stats
Rscript scripts/stats-goldens/make-goldens.R "$REF"
Rscript scripts/stats-goldens/special-functions.R
Rscript scripts/stats-goldens/whole-window.R
Rscript scripts/stats-goldens/infinite-ratio.R
Rscript scripts/stats-goldens/borderline-p.R
Rscript scripts/stats-goldens/overdispersion-digits.R
python3 scripts/stats-goldens/high-precision.py > fixtures/stats/high-precision.json
python3 scripts/stats-goldens/pearson-dispersion.py > fixtures/stats/pearson-dispersion.json
