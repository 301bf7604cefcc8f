# Sourced by the signing benchmarks: bench_ca DIR makes a throwaway CA in DIR (ca.key, ca.pem) and the extensions of
# the leaves it issues (leaf.ext). B-B needs no revocation data, so the leaves have no CRL distribution point.
bench_ca() {
  local dir="$1"
  rm -rf "$dir" && mkdir -p "$dir"
  openssl req -x509 -newkey rsa:2048 -nodes -sha256 -days 30 -subj "/CN=Bench Seal CA/O=Bench/C=TH" \
    -addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign,cRLSign \
    -keyout "$dir/ca.key" -out "$dir/ca.pem" 2>/dev/null
  printf 'basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature,nonRepudiation\n' > "$dir/leaf.ext"
}
