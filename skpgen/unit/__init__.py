"""The unit under PermenPANRB 6/2022 (SPEC §11): unit file, hierarchy, cascading, Matriks Peran Hasil."""
