"""The Word base and the DOCX writer every Word document of this tool uses (styles.py, base.py, document.py)."""
