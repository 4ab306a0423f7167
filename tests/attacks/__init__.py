"""Attacks on the build by someone who may edit one catalog, and nothing else."""
