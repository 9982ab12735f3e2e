"""For the policy advisor who does not write YAML: the choice file's JSON Schema, the guided `nieuw`
and the editor in the browser (`bewerk`). Every question, label and explanation comes from the
choice model (choicefile/schema.py) and the clause library; nothing here restates a choice."""
