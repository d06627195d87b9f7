"""Running the pipeline: jobs, the new-export sensor, the daily schedule, the demo and serving."""
