"""The intermediate representation (IR), the middle layer of codegen: specs in, emitters out.

model.py declares the frozen IR; build.py fills it from the loaded specs, with one module per part
(tools, sizes, resources and prompts, the Remote Script method table, the MCP Apps views) and the
labels they share. May import codegen's loader, spec_model, schemas, wire, problems and rules;
never an emitter. Emitters import from its modules.
"""
