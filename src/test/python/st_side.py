"""The Python side of st4j's round-trip tests: real sentence-transformers loads, encodes, trains and saves.

Called by dev.st4j.testing.PythonSide with the project's .venv/bin/python (made by bin/setup-system):
  st_side.py encode REQUEST_JSON OUT_JSON   load each model folder the request names, encode its texts, write the results
  st_side.py card MODEL_DIR                           check that README.md has model-card metadata the Hub accepts
  st_side.py train OUT_DIR DATA_CSV                   fine-tune the tiny BERT fixture for a few steps and save it
  st_side.py truncate MODEL_DIR DIM TEXTS_JSON OUT_JSON   encode(truncate_dim=DIM, normalize_embeddings=True)
  st_side.py mine MODEL_DIR PAIRS_CSV OPTIONS_JSON OUT_JSON  util.mine_hard_negatives on (anchor, positive) pairs
All computation is float32 on the CPU.
"""
import json
import sys

import torch


def load(model_dir):
    from sentence_transformers import SentenceTransformer
    return SentenceTransformer(model_dir, device="cpu", model_kwargs={"dtype": torch.float32})


def encode_one(model_dir, texts):
    model = load(model_dir)
    out = {
        "encode": model.encode(texts, convert_to_numpy=True).tolist(),
        "encode_query": model.encode_query(texts, convert_to_numpy=True).tolist(),
        "encode_document": model.encode_document(texts, convert_to_numpy=True).tolist(),
        "similarity_fn_name": model.similarity_fn_name,
        "max_seq_length": model.max_seq_length,
        "prompts": model.prompts,
        "default_prompt_name": model.default_prompt_name,
        "modules": [type(m).__name__ for m in model],
    }
    emb = model.encode(texts[:2], convert_to_tensor=True)
    out["similarity"] = model.similarity(emb, emb).tolist()
    return out


def encode(request_path, out_path):
    """Request: {"texts": [...], "models": {"name": "folder", ...}}; result: {"name": {...}, ...}."""
    with open(request_path, encoding="utf-8") as f:
        request = json.load(f)
    out = {name: encode_one(folder, request["texts"]) for name, folder in request["models"].items()}
    with open(out_path, "w", encoding="utf-8") as f:
        json.dump(out, f)


def card(model_dir):
    from huggingface_hub import ModelCard
    card = ModelCard.load(model_dir + "/README.md")
    data = card.data.to_dict()
    if not data:
        raise SystemExit("README.md has no YAML metadata")
    print(json.dumps(data, sort_keys=True))


def train(out_dir, data_csv):
    import csv
    from datasets import Dataset
    from sentence_transformers import SentenceTransformer, SentenceTransformerTrainer, losses
    from sentence_transformers.training_args import SentenceTransformerTrainingArguments
    rows = list(csv.DictReader(open(data_csv, encoding="utf-8")))[:32]
    data = Dataset.from_dict({"sentence1": [r["sentence1"] for r in rows], "sentence2": [r["sentence2"] for r in rows],
                              "score": [float(r["score"]) / 5.0 for r in rows]})
    torch.manual_seed(0)
    import os
    model = SentenceTransformer(os.environ["ST4J_TINY_BERT"], device="cpu")
    args = SentenceTransformerTrainingArguments(output_dir=out_dir + "-checkpoints", num_train_epochs=1, per_device_train_batch_size=8,
                                                learning_rate=1e-3, report_to=[], save_strategy="no", seed=0, use_cpu=True)
    SentenceTransformerTrainer(model=model, args=args, train_dataset=data, loss=losses.CoSENTLoss(model)).train()
    model.save(out_dir)


def truncate(model_dir, dim, texts_path, out_path):
    texts = json.load(open(texts_path, encoding="utf-8"))
    out = load(model_dir).encode(texts, truncate_dim=int(dim), normalize_embeddings=True, convert_to_numpy=True).tolist()
    json.dump(out, open(out_path, "w", encoding="utf-8"))


def mine(model_dir, pairs_csv, options_path, out_path):
    import csv
    from datasets import Dataset
    from sentence_transformers.util import mine_hard_negatives
    rows = list(csv.DictReader(open(pairs_csv, encoding="utf-8")))
    data = Dataset.from_dict({"anchor": [r["anchor"] for r in rows], "positive": [r["positive"] for r in rows]})
    o = json.load(open(options_path, encoding="utf-8"))
    mined = mine_hard_negatives(data, load(model_dir), num_negatives=o["num_negatives"], range_max=o["range_max"],
                                absolute_margin=o.get("absolute_margin"), max_score=o.get("max_score"),
                                output_format="n-tuple", use_faiss=False, batch_size=32, verbose=False)
    json.dump([dict(r) for r in mined], open(out_path, "w", encoding="utf-8"))


def main():
    command = sys.argv[1]
    if command == "encode":
        encode(sys.argv[2], sys.argv[3])
    elif command == "card":
        card(sys.argv[2])
    elif command == "train":
        train(sys.argv[2], sys.argv[3])
    elif command == "truncate":
        truncate(sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5])
    elif command == "mine":
        mine(sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5])
    else:
        raise SystemExit("unknown command " + command)


if __name__ == "__main__":
    main()
