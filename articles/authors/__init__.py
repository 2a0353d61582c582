"""Authors in the admin: profiles (the byline name, bio, photo) and the first-login prompt."""
