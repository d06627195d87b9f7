{#- Custom schemas are used verbatim (staging, intermediate, marts, seeds), not prefixed with the
    target schema, so tables are staging.stg_..., intermediate.int_..., marts.connection_score. -#}
{% macro generate_schema_name(custom_schema_name, node) -%}
    {%- if custom_schema_name is none -%}
        {{ target.schema }}
    {%- else -%}
        {{ custom_schema_name | trim }}
    {%- endif -%}
{%- endmacro %}
