class TransferError(ValueError):
    """The archive cannot be imported; nothing was changed."""
