"""`verordening bewerk`: the choice file in a form in the browser, with the draft beside it, served on 127.0.0.1."""
