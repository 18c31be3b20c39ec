"""Visualisation: region maps and figures in the paper's visual scheme,
and the interactive explorer."""
