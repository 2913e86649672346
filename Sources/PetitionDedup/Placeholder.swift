// Repeat detection lives here.
