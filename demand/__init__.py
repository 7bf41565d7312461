"""The making of the offer: learning needs from the work field, interest in modules and
themes ("tell me when"), and the module proposals that staff turn into new modules."""
