"""What the catalogue tells apps above it, so that it imports none of them."""

from django.dispatch import Signal

# Sent inside the transaction that first publishes a module, with `module`; receivers that
# queue work use delay_on_commit.
module_published = Signal()
