{#- The score model's building blocks (score-model.md §1.3, §2.3). -#}

{#- Exponential decay with half-life H days: exp(-ln2 * age / H); future dates count as age 0. -#}
{% macro decay(age_days, half_life) -%}
    exp(-ln(2) * greatest(({{ age_days }})::double, 0) / ({{ half_life }}))
{%- endmacro %}

{#- Logarithmic saturation of a count: min(1, ln(1+x) / ln(1+x_sat)). -#}
{% macro log_saturation(x, x_sat) -%}
    least(1.0, ln(1 + greatest(({{ x }})::double, 0)) / ln(1 + ({{ x_sat }})))
{%- endmacro %}

{#- Target band: min(1, share / target). -#}
{% macro target_share(share, target) -%}
    least(1.0, ({{ share }}) / ({{ target }}))
{%- endmacro %}
