"""`python -m verordening`: the same CLI as the `verordening` command."""

from .cli import main

main()
