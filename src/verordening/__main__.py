"""`python -m verordening`: the same CLI as the `verordening` command."""

from verordening.cli.app import main

main()
