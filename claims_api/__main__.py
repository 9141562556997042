import sys

from claims_api.cli import main

sys.exit(main())
