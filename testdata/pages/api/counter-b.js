import { hit } from '../../lib/counter'
export default (req, res) => res.json(hit())
