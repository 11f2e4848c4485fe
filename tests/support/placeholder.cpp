// Keeps the library non-empty until its first helper lands.
